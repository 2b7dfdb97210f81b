/// The `Vigil` library: the model modules for users who define their monitoring stack in Swift.
@_exported import VigilCore
@_exported import VigilPromQL
@_exported import VigilPrometheus
@_exported import VigilKubernetes
@_exported import VigilAlertmanager
@_exported import VigilElastic
@_exported import VigilGrafana
@_exported import VigilDiff
@_exported import VigilStack
