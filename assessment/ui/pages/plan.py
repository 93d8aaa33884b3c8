from assessment.ui import action_plan

action_plan.render()
