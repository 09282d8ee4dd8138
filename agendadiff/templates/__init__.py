"""The report templates (package data), and their compiled modules in compiled/."""
