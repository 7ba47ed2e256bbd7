"""Complaints and appeals from reports, followed under the APPK to their end."""
