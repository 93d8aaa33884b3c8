from assessment.ui import participant

participant.join_page()
