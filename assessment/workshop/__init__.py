"""Workshops: a room answers on its own devices, a facilitator watches and records consensus."""
