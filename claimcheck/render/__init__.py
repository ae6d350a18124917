"""Every output format in one place: JSON for scripts, tables for people."""
