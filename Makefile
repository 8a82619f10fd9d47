# Precinct — the two commands of the README.
#   make run   installs what is missing, builds, creates data/precinct.db with
#              the demo county on first run, serves http://127.0.0.1:8080
#   make test  builds with ASan+UBSan (and a ThreadSanitizer copy of the server
#              for the concurrent stories) and runs every test through ctest
#              but the long rounds; make test-long runs those (label long)
JOBS ?= 2
# ctest slots: one more than cores, as the two browser shards keep about one core busy between
# them (see tests/CMakeLists.txt: the programs that time themselves never run beside them)
CTEST_JOBS ?= $(shell echo $$(( $(JOBS) + 1 )))
DB   ?= data/precinct.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps build web run test test-long fuzz bench bench-deps clean

all: build

deps:
	@bash scripts/deps.sh

build: deps
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build -j $(JOBS)

web: deps
	@bash scripts/web.sh

run: build web
	@mkdir -p data
	@if [ ! -f $(DB) ]; then ./build/precinct init --db $(DB) --demo; fi
	@echo "Precinct 派出所综合警务平台: http://$(LISTEN)"
	@echo "演示账号 (密码 Precinct-Demo-2026): admin auditor jiejing ducha juzhang fazhidadui suozhang minjing1 minjing2 fazhi neiqin fujing dangan"
	@./build/precinct serve --db $(DB) --listen $(LISTEN) --web web/dist

test: deps web
	@cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DPRECINCT_SANITIZE=ON -DPRECINCT_TEST_HOOKS=ON -DPRECINCT_TSAN=ON >/dev/null
	@cmake --build build-test -j $(JOBS)
	@cd build-test && ctest --output-on-failure -j $(CTEST_JOBS) -LE long

# the long rounds (20 kill -9 crash rounds under 8 writers) on the same build
test-long: deps web
	@cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DPRECINCT_SANITIZE=ON -DPRECINCT_TEST_HOOKS=ON -DPRECINCT_TSAN=ON >/dev/null
	@cmake --build build-test -j $(JOBS)
	@cd build-test && ctest --output-on-failure -L long

fuzz: deps
	@bash tests/fuzz/build.sh build-fuzz && bash tests/fuzz/run.sh build-fuzz 600

bench: build
	@bash bench/run.sh

bench-deps:
	@bash bench/run.sh --deps

clean:
	rm -rf build build-test build-fuzz web/dist
