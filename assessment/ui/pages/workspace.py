from assessment.ui import workspace_page

workspace_page.render()
