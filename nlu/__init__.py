"""NLU components and helpers for Course Advisor."""
