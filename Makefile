# GacetaChat — the two commands: `make run` and `make test`; `make deb` and `make deploy-test` for the
# Debian package (and the containers) built and installed for real.
.PHONY: run test bench lint clean deb deploy-test

run:
	scripts/run

test:
	scripts/test

deb:
	scripts/install-deps deb
	scripts/build-deb dist

deploy-test:
	scripts/install-deps deploy
	scripts/deploy-test

bench:
	bench/hello

lint:
	swift format lint --strict --recursive --parallel Sources Tests Package.swift

clean:
	rm -rf .build var .build-release .build-deb dist
