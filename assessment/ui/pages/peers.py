from assessment.ui import peers_page

peers_page.render()
