// The Python that runs a course's reference (its fixture generator, the original workshop's checks): $PYTHON when
// set, e.g. a virtual environment with PyTorch, else Debian's, where `apt-get install python3-torch` puts it.
export const REFERENCE_PYTHON = process.env.PYTHON || '/usr/bin/python3';
