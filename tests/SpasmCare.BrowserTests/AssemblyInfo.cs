// One browser journey at a time: the two collections host an app and a Chromium each, and the machine has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
