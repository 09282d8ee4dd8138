from agendadiff.cli import main

main()
