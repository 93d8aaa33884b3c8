from assessment.ui import progress_page

progress_page.render()
