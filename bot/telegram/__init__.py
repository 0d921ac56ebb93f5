"""Course Advisor on Telegram: a python-telegram-bot 22 bridge to Rasa's REST channel.

Run it with ``python -m bot.telegram`` (see ``README.md`` here). Importing this package does no
work: clients and the ``Application`` are created only by :func:`bot.telegram.app.build_application`
and its ``post_init`` hook.
"""
