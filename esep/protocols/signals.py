"""What the minutes tell the rest of Esep without knowing who listens."""

from django.dispatch import Signal

# Sent inside the sealing transaction when the original minutes or an addendum are sealed (all signatures
# in): protocol=, actor=. A receiver that raises rolls the sealing back (Order 608 pp.16-17: signed minutes
# and the appeals they open are committed together). esep.workflows.sealing opens the appeals.
minutes_sealed = Signal()
