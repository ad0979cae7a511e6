import Foundation
import SwitchboardCore
import Testing

@testable import Console

@Suite struct ViewControllerTests {
    static let routes: [Route] = Route.views + [.interface("orders"), .alert("a1"), .jobRuns("payroll")]

    @Test func everyRouteHasExactlyOneController() {
        let views = ViewControllers()
        for route in Self.routes {
            #expect(views.all.filter { $0.shows(route) }.count == 1, "\(route)")
        }
    }

    @Test func eachControllerRunsItsOwnRoutes() {
        let views = ViewControllers()
        let shown = Self.routes.map { route in views.all.firstIndex { $0 === views.controller(for: route) } }
        // Nine routes, nine controllers: no controller is left without a route, none runs two views.
        #expect(Set(shown.compactMap { $0 }).count == views.all.count)
    }
}
