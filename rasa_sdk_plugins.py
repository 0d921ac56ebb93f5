"""rasa-sdk loads this module by name when the action server starts (``rasa_sdk.plugin``).

Our plugin lives in :mod:`bot.action_server`: error replies and logs without learner text.
"""

from bot.action_server import init_hooks

__all__ = ["init_hooks"]
