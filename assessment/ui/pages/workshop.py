from assessment.ui import facilitator

facilitator.create_page()
