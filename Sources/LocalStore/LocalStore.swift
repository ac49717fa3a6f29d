import HealthCode
