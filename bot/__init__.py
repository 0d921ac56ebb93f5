"""Channel front ends: Telegram bridge and the web chat widget."""
