from assessment.ui import targets

targets.render()
