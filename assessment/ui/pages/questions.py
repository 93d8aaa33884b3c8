from assessment.ui import questionnaire

questionnaire.render_solo()
