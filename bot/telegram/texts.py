"""What the bridge itself says to learners (everything else comes from Rasa)."""

from __future__ import annotations

TROUBLE = "Sorry, I'm having trouble right now, please try again in a moment."
SOMETHING_WENT_WRONG = (
    "Sorry, something went wrong on my side. Please try again, or type /restart to start afresh."
)
NOTHING_TO_ADD = (
    "I have nothing to add to that. You can tell me what you'd like to learn, or type /help."
)
RESTARTED = "Done: we're starting a new conversation. Say hi, or tell me what you'd like to learn."
BUTTON_EXPIRED = "That button has expired. Please type your answer instead."
TEXT_ONLY = "Sorry, I can only read text messages. Please type what you'd like to ask."
UNKNOWN_COMMAND = "I don't know that command. Type /help to see what I can do."
HELP = (
    "I'm Course Advisor: I help you find short courses and microcredentials that fit your goal, "
    "time and budget, and I can explain how academic credit works.\n\n"
    "Just tell me what you'd like, for example \"I want to get into cyber security for under "
    '£500", or tap a button.\n\n'
    "/start - say hello and see what I can do\n"
    "/restart - start a new conversation\n"
    "/forget - delete your profile and the data I hold about you\n"
    "/help - show this message"
)
COMMANDS = (
    ("start", "Say hello and see what I can do"),
    ("restart", "Start a new conversation"),
    ("forget", "Delete my profile and stored data"),
    ("help", "How to use Course Advisor"),
)
