"""The Dutch text kernel every stage stands on: the genre's words and patterns (`dutch`), the canonical form
text is compared in (`typography`), sentences (`sentences`), and the one word pattern (`words`).

Nothing here knows a letter's structure or imports a stage.
"""
