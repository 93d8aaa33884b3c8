from assessment.ui import results

results.render()
