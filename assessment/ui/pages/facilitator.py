from assessment.ui import facilitator

facilitator.facilitator_page()
