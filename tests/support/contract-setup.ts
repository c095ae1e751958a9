import { failOnContractMismatches } from './conformance'

afterEach(failOnContractMismatches)
