"""Accounts and roles, and the one place that decides who may see and change what."""
