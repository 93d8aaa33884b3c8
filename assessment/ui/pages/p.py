from assessment.ui import participant

participant.participant_page()
