from assessment.ui import presenter

presenter.presenter_page()
