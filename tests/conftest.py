import pytest
from typer.testing import CliRunner

from clausekit.library import load_library


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture
def runner():
    return CliRunner()
