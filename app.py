"""Somemodenhed: the Streamlit app. Page config, logging, the pages and the sidebar; nothing else.

Every page is a view of stored records (`assessment/ui/binding.py`); where the user is lives
in the URL: the page in its path, the assessment's private link (`?a=`), the area (`?area=`)
and the language (`?lang=`).
"""

import streamlit as st

from assessment.ui import auth, connection, context, logs, pages, sidebar, style
from assessment.ui.binding import ALIVE
from assessment.ui.feedback import boundary, end_run

logs.configure()
context.begin_run()
auth.begin_run()
page = st.navigation(pages.all_pages(), position="hidden")
st.set_page_config(
    page_title="Somemodenhed",
    page_icon="📣",
    layout="wide" if page.url_path in pages.WIDE else "centered",
)
style.apply(context.lang())
connection.translate()
if page.url_path not in pages.BARE:
    sidebar.render(page)
try:
    boundary(page.run)
finally:
    end_run()  # the next click may try the database again
st.session_state[ALIVE] = True
context.settle_heap()
