from assessment.ui import about

about.render()
