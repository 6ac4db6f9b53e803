from clausekit.cli import main

main()
