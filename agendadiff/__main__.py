from agendadiff.cli import main

# the name of the installed command, also for `python -m agendadiff`: usage lines and shell completion
main(prog_name="agendadiff")
