"""What the announcements app tells the others, without importing them (the dependency rule in README).

``meeting_announced(meeting)`` is sent inside the publishing transaction, after the meeting became announced:
receivers' writes commit or roll back with the announcement (esep.accountability attaches the questions
waiting for the precinct's next report and alerts the people who follow it).
"""

from django.dispatch import Signal

meeting_announced = Signal()
