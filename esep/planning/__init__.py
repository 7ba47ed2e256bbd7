"""The plan of required reports and the schedules (графики) that bodies approve (Order 608 p.8.1)."""
