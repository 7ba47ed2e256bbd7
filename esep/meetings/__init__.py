"""Reports to the population: plan, schedule, announce, invite, register, hold."""
