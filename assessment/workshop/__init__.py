"""Workshops: a room answers on its own devices, a facilitator runs it and records consensus.

`rooms` creates, joins and opens workshops; `codes` and `access` are the codes and keys;
`pacing`, `rounds`, `notes` and `screen` are the room as the facilitator runs it and the shared
screen shows it; `stats` is the dashboard; `roster`, `retention` and `throttle` are who is in
the room, for how long, and who may try to join; `consensus` and `export` are the agreed
answers and the spreadsheets. Nothing here keeps state in memory: every page of every replica
reads the same database.
"""
