"""Custom actions for Course Advisor and the course store they read."""
