"""The web chat widget (``widget.js``, plain JavaScript) and a tiny server for its demo page.

Run the demo with ``python -m bot.web.serve --port 8080 --server http://127.0.0.1:5005``; see
``README.md`` here. Importing this package does no work.
"""
