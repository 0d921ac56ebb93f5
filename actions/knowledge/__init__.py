"""What the assistant knows, as pure Python: academic credit and microcredentials.

``credit`` holds the sourced credit rules, a calculator and short explanations;
``microcredentials`` answers general questions about microcredentials. Nothing
here touches Rasa, a database or the network, and importing only defines constants.
"""
