from assessment.ui import export

export.render()
