/// The `Vigil` library: the model modules for users who define their monitoring stack in Swift.
@_exported import VigilCore
@_exported import VigilStack
