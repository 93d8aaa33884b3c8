from assessment.ui import privacy

privacy.render()
