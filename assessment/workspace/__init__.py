"""A signed-in user's workspace: their clients (municipalities), the assessments and workshops
that belong to them, rounds over time, colleagues let in by e-mail address, and exports."""
