"""Templates compiled ahead of time (agendadiff.render.precompiled writes them)."""
