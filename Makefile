# GacetaChat — the two commands: `make run` and `make test`.
.PHONY: run test bench lint clean

run:
	scripts/run

test:
	scripts/test

bench:
	bench/hello

lint:
	swift format lint --strict --recursive --parallel Sources Tests Package.swift

clean:
	rm -rf .build var
