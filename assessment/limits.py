"""How long each text people type may be: one place for the models, the store and the forms.

A limit is refused with a message, never cut silently; the database columns have the same
lengths.
"""

MAX_NOTE = 2000
"""A note on a question (a solo answer, a participant's or the room's discussion)."""
MAX_RESPONDENT = 80
"""The respondent's name, and their role."""
MAX_MUNICIPALITY = 100
MAX_OWNER = 120
"""An owner typed into the action plan."""
MAX_TITLE = 200
"""A workshop's title."""
MAX_PARTICIPANT = 40
"""A participant's first name."""
