from assessment.ui import start

start.render()
